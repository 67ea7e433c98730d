/** Saves `content` as a file named `name` through the browser's download, as a settings export does. */
export function downloadFile(name: string, content: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  // The download reads the blob after the click returns: let it go only once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
