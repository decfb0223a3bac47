// Open Preview, Open Preview to the Side, Show Critical Path.
import type { PreviewApi } from '../preview-api';
import { targetProgramUri } from '../program-document';

export async function openPreview(preview: PreviewApi, toSide: boolean, arg?: unknown): Promise<void> {
  const uri = targetProgramUri(arg);
  if (uri) await preview.openPreview(uri, toSide);
}

export async function showCriticalPath(preview: PreviewApi, arg?: unknown): Promise<void> {
  const uri = targetProgramUri(arg);
  if (uri) await preview.showCriticalPath(uri);
}
