// Hands data to the browser as a file download (an export), without keeping it anywhere else.
export function downloadJson(fileName: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download; the object URL is not needed any longer.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
