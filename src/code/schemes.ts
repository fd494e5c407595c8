// Which documents the code features read: those whose text VS Code holds for a person to edit, on whatever
// file system they live. Pure.

/**
 * - `file`, `untitled`: local files and new editors (and, for the extension host of a remote window, the
 *   remote machine's files: it sees them as `file`);
 * - `vscode-remote`: a remote window's files, as an extension running on the UI side sees them;
 * - `vscode-vfs`: virtual workspaces (Remote Repositories, GitHub Repositories);
 * - `vscode-notebook-cell`: the cells of a notebook (boto3 in Jupyter);
 * - `vsls`: a Live Share guest's files.
 * Left alone: copies that are not the file being edited or that nobody edits (`git` and other diff sides,
 * `output`, `debug`, `vscode-scm` input, search editors, settings), whose problems would be noise.
 */
export const scannedSchemes: readonly string[] = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-notebook-cell', 'vsls'];

const scanned = new Set(scannedSchemes);

export function isScannedScheme(scheme: string): boolean {
  return scanned.has(scheme);
}
