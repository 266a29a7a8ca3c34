/** The desktop log file, readable by its owner only: it names accounts and calendars, never secrets, but still. */
import { createWriteStream, fchmodSync, openSync, type WriteStream } from 'node:fs';

/** Opens `path` for appending, created 0600; a file left by an older version (0644) is narrowed to 0600 too. */
export function openPrivateLog(path: string): WriteStream {
  const fd = openSync(path, 'a', 0o600);
  fchmodSync(fd, 0o600);
  return createWriteStream('', { fd, flags: 'a' });
}
