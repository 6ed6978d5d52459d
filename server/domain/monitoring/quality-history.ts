// A classroom's stored quality minutes over a span (the console's classroom chart), as the minutes job wrote them.
import type { Store } from '../ports';
import type { QualityMinute } from './monitoring-store';

export class QualityHistory {
  constructor(private readonly store: Store) {}

  minutes(organisationId: string, classroomId: string, from: number, to: number): Promise<QualityMinute[]> {
    return this.store.listQualityMinutes(organisationId, classroomId, from, to);
  }
}
