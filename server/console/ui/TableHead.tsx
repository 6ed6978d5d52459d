// A table's column headings (pass an empty string for a column whose heading only screen readers need).
export function TableHead({ columns, hidden = {} }: { columns: string[]; hidden?: Record<string, string> }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th key={i} scope="col">
            {column || <span class="sr-only">{hidden[i] ?? ''}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}
