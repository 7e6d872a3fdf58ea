// HTTPS with the test CA: self-signed certificates (trusted CA, or verification off) and mutual TLS with a client
// certificate from a certificate keychain.
import assert from 'node:assert/strict';
import type { TLSSocket } from 'node:tls';
import { after, before, test } from 'node:test';
import { memoryConnections, sendJson, startHttpsServer, TLS, type TestServer } from '../../../test/support/http-test-server.ts';
import { createTestModuleContext, runModule } from '../../../test/support/module-context.ts';
import { actionSendData } from './action-send-data.ts';
import { makeRequest } from './make-request.ts';

let plain: TestServer;
let mutual: TestServer;

before(async () => {
  plain = await startHttpsServer((_request, response) => sendJson(response, 200, { secure: true }));
  mutual = await startHttpsServer(
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      sendJson(response, 200, { client: peer.subject?.CN ?? null });
    },
    { requestCert: true },
  );
});

after(async () => {
  await plain.close();
  await mutual.close();
});

const connections = memoryConnections([
  { id: '501', type: 'certificate', name: 'Test client', data: { cert: TLS.clientCert, key: TLS.clientKey, ca: TLS.ca } },
  { id: '502', type: 'basic', name: 'Not a certificate', data: { username: 'u', password: 'p' } },
]);

const send = (mapper: Record<string, unknown>, parameters: Record<string, unknown> = {}) =>
  runModule(
    actionSendData,
    { parameters: { handleErrors: true, ...parameters }, mapper: { method: 'get', parseResponse: true, ...mapper } },
    createTestModuleContext({ connections }),
  ).then((bundles) => bundles[0] ?? {});

test('a self-signed server is refused by default, with a ConnectionError', async () => {
  await assert.rejects(send({ url: plain.url }), { name: 'ConnectionError', message: /certificate/i });
});

test('the Self-signed certificate field trusts the test CA', async () => {
  assert.deepEqual((await send({ url: plain.url, ca: TLS.ca }))['data'], { secure: true });
});

test('Reject unverified certificates off accepts the server without its CA', async () => {
  assert.deepEqual((await send({ url: plain.url, rejectUnauthorized: false }))['data'], { secure: true });
});

test('a server that demands a client certificate refuses a request without one', async () => {
  await assert.rejects(send({ url: mutual.url, ca: TLS.ca }), { name: 'ConnectionError' });
});

test('Use Mutual TLS presents the certificate keychain’s client certificate', async () => {
  const bundle = await send({ url: mutual.url, useMtls: true }, { tlsKeychain: '501' });
  assert.deepEqual(bundle['data'], { client: 'Remake Test Client' });
});

test('a missing or wrong certificate keychain is an InvalidConfigurationError naming it', async () => {
  await assert.rejects(send({ url: mutual.url, useMtls: true }, { tlsKeychain: '999' }), { name: 'InvalidConfigurationError', message: /Connection '999' does not exist/ });
  await assert.rejects(send({ url: mutual.url, useMtls: true }, { tlsKeychain: '502' }), { name: 'InvalidConfigurationError', message: /'502' is a basic connection/ });
  await assert.rejects(send({ url: mutual.url, useMtls: true }), { name: 'InvalidConfigurationError', message: /parameters\.tlsKeychain/ });
});

test('v4 tlsType mTls uses the same keychain; tls only trusts its CA', async () => {
  const run = (url: string, tlsType: string) =>
    runModule(
      makeRequest,
      { parameters: { authenticationType: 'noAuth', tlsType, tlsKeychain: '501' }, mapper: { url, method: 'get', parseResponse: true, stopOnHttpError: true } },
      createTestModuleContext({ connections }),
    ).then((bundles) => bundles[0] ?? {});
  assert.deepEqual((await run(mutual.url, 'mTls'))['data'], { client: 'Remake Test Client' });
  assert.deepEqual((await run(plain.url, 'tls'))['data'], { secure: true });
});
