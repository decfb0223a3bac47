// How the core reaches files: through a host the caller injects (the CLI's
// reads the disk, the language server's prefers open editor buffers, tests
// use memory). The core itself never touches the file system.

export interface DirEntry {
  readonly uri: string;
  readonly name: string;
  readonly isDirectory: boolean;
}

export interface FileHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): string | undefined;
  /** The entries of a directory, or undefined when it does not exist. */
  listDirectory(uri: string): readonly DirEntry[] | undefined;
  /** The uri with symbolic links resolved (for the workspace boundary check). */
  realUri?(uri: string): string | undefined;
}

/** A host over an in-memory map of uri -> text (tests, fuzzing, the preview's export). */
export function memoryHost(files: ReadonlyMap<string, string> | Record<string, string>): FileHost {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  return {
    readFile: (uri) => map.get(uri),
    listDirectory: (dirUri) => {
      const dir = dirUri.endsWith('/') ? dirUri : `${dirUri}/`;
      const seen = new Map<string, DirEntry>();
      for (const uri of map.keys()) {
        if (!uri.startsWith(dir)) continue;
        const rest = uri.slice(dir.length);
        const slash = rest.indexOf('/');
        const name = slash < 0 ? rest : rest.slice(0, slash);
        if (name && !seen.has(name)) seen.set(name, { uri: dir + name, name: decodeURIComponent(name), isDirectory: slash >= 0 });
      }
      return seen.size > 0 ? [...seen.values()] : undefined;
    },
  };
}
