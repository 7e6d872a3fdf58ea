// The gateway app: webhooks in and out.
import type { ModuleDefinition } from '../../executor/module-api.ts';
import { customWebhook } from './custom-webhook.ts';
import { webhookRespond } from './webhook-respond.ts';

export const gatewayModules = [customWebhook, webhookRespond] as const satisfies readonly ModuleDefinition[];
