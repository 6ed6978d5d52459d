// IANA time zone names (e.g. Asia/Shanghai), as Intl knows them: the check every time zone a person sets passes.
import * as v from 'valibot';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneNameSchema = v.pipe(
  v.string(),
  v.nonEmpty('timeZone is empty'),
  v.maxLength(64),
  v.check(isTimeZone, 'timeZone: not a known IANA time zone'),
);
