// The HTTP app (`http`): requests with or without credentials, file downloads, redirect resolution and headers.
import type { ModuleDefinition } from '../../executor/module-api.ts';
import { actionSendData } from './action-send-data.ts';
import { actionSendDataApiKeyAuth } from './action-send-data-api-key-auth.ts';
import { actionSendDataBasicAuth } from './action-send-data-basic-auth.ts';
import { actionSendDataOAuth } from './action-send-data-oauth.ts';
import { downloadFile } from './download-file.ts';
import { getFile } from './get-file.ts';
import { getFileV2 } from './get-file-v2.ts';
import { makeRequest } from './make-request.ts';
import { resolveTargetUrl } from './resolve-target-url.ts';
import { retrieveHeaders } from './retrieve-headers.ts';

/** Every HTTP module Remake runs, v3 and v4 side by side; all of them reach the network (`--offline` mocks them). */
export const httpModules: readonly ModuleDefinition[] = ([
  actionSendData,
  actionSendDataBasicAuth,
  actionSendDataApiKeyAuth,
  actionSendDataOAuth,
  getFile,
  getFileV2,
  resolveTargetUrl,
  retrieveHeaders,
  makeRequest,
  downloadFile,
] as const).map((definition) => ({ ...definition, network: true }));
