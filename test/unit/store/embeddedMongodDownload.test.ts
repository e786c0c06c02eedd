import { expect } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mongodDownloadReachable } from '../../../src/store/embedded/mongod';

/**
 * The download check must give up quickly where the download server cannot be reached. A local
 * server that accepts connections and never answers stands in for a black-holed network.
 */
describe('checking whether mongod can be downloaded', () => {
  let server: http.Server;
  const previousMirror = process.env.MONGOMS_DOWNLOAD_MIRROR;

  beforeAll(async () => {
    server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.MONGOMS_DOWNLOAD_MIRROR = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (previousMirror === undefined) delete process.env.MONGOMS_DOWNLOAD_MIRROR;
    else process.env.MONGOMS_DOWNLOAD_MIRROR = previousMirror;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports a server that never answers as unavailable instead of waiting on it', async () => {
    const result = await mongodDownloadReachable(300);
    expect(result).toEqual({ unavailable: expect.stringContaining('no answer within 0.3 s') });
  });
});
