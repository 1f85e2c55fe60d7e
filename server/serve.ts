import { serve as honoServe } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Service } from './service';

export interface Serving {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  port: number;
  /** Stops accepting connections and waits for open ones to finish. Does not close the service. */
  close(): Promise<void>;
}

/** Serves a service over HTTP. `port: 0` takes a free port (tests); hostname defaults to 127.0.0.1. */
export function serve(service: Service, options: { port: number; hostname?: string }): Promise<Serving> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = honoServe({ fetch: service.app.fetch, port: options.port, hostname }, (info: AddressInfo) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold close() open forever.
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
