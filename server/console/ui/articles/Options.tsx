// The <option>s of a select over a fixed list (statuses, languages), with an optional "All" first.
import { useStore } from '@nanostores/preact';
import { texts } from '../../i18n/i18n';

const articleText = texts('articles');

export function Options<T extends string>({ values, label, all = false }: { values: readonly T[]; label: (value: T) => string; all?: boolean }) {
  const t = useStore(articleText);
  return (
    <>
      {all && <option value="">{t.all}</option>}
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}
