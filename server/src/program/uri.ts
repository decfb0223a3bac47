// Small, pure helpers over `file:` URIs (or any hierarchical URI). The core
// names files by URI; hosts (CLI, server) turn paths into URIs at the edge.

export function dirnameUri(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i < 0 ? uri : uri.slice(0, i + 1);
}

export function basenameUri(uri: string): string {
  const i = uri.lastIndexOf('/');
  return decodeSafe(i < 0 ? uri : uri.slice(i + 1));
}

/** Resolves a relative path (forward slashes; `.` and `..` allowed) against a directory URI. */
export function joinUri(dirUri: string, relative: string): string {
  try {
    const base = dirUri.endsWith('/') ? dirUri : `${dirUri}/`;
    const encoded = relative.split('/').map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s))).join('/');
    return new URL(encoded, base).href;
  } catch {
    return dirUri + relative;
  }
}

/** True when `uri` is `folderUri` itself or lies below it. */
export function isInsideUri(uri: string, folderUri: string): boolean {
  const folder = normalize(folderUri).replace(/\/+$/, '');
  const target = normalize(uri);
  return target === folder || target.startsWith(`${folder}/`);
}

/** A path for people: the URI's path relative to `baseUri` when below it, else the decoded path. */
export function displayPath(uri: string, baseUri?: string): string {
  const path = uri.startsWith('file://') ? decodeSafe(uri.slice('file://'.length)) : decodeSafe(uri);
  if (baseUri) {
    const base = (baseUri.startsWith('file://') ? decodeSafe(baseUri.slice('file://'.length)) : decodeSafe(baseUri)).replace(/\/+$/, '');
    if (path.startsWith(`${base}/`)) return path.slice(base.length + 1);
  }
  return path;
}

function normalize(uri: string): string {
  try {
    return decodeSafe(new URL(uri).href);
  } catch {
    return decodeSafe(uri);
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function hasGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}
