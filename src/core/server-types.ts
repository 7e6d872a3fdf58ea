// The types the server shell works with, re-exported so server/ depends on core/ only (ARCHITECTURE.md boundaries).
export type {
  ApiTokenRecord, BlueprintVersion, HookData, DataStoreRecordMeta, DataStructureRecord, ExecutionRecord, ExecutionStatus, FolderRecord, HookRecord,
  IncomingRecord, ScenarioInterface, ScenarioRecord, Scheduling, ServerStore, StoredReport,
} from '../storage/server-ports.ts';
export type { WebhookRequest, WebhookResponse } from '../executor/module-api.ts';
export type { ConnectionRecord, IncompleteExecutionRecord, DataRecord } from '../executor/ports.ts';
