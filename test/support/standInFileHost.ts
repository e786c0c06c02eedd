import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server standing in for SharePoint, where Teams keeps files sent to the bot: serves each
 * registered path's bytes, for the enclosing describe block.
 */
export function standInFileHost() {
  const files = new Map<string, Buffer>();
  let server: Server | undefined;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = files.get(req.url ?? '');
      if (!body) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('content-type', 'text/csv');
      res.end(body);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server?.close((error) => (error ? reject(error) : resolve())));
  });
  return {
    /** Serves `body` at `path` and returns its download URL. */
    serve: (path: string, body: string | Buffer): string => {
      files.set(path, Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
      return `${base}${path}`;
    },
  };
}

/** A Teams personal-chat message carrying a file, as Teams sends it to a bot that supports files. */
export function fileAttachment(name: string, downloadUrl: string) {
  return {
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    contentUrl: 'https://contoso.sharepoint.com/personal/head/Documents/Applications/NextStep/' + name,
    content: { downloadUrl, uniqueId: 'c6b2a7e0-0000-4000-8000-000000000001', fileType: name.split('.').pop() },
  };
}
