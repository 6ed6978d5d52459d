// The <option>s of a select over a fixed list (statuses, languages), with an optional "All" first.
export function Options<T extends string>({ values, labels, all = false }: { values: readonly T[]; labels: Record<T, string>; all?: boolean }) {
  return (
    <>
      {all && <option value="">All</option>}
      {values.map((value) => (
        <option key={value} value={value}>
          {labels[value]}
        </option>
      ))}
    </>
  );
}
