import { KubeObject } from '../store/types';
import { ResourceType, TableColumn } from './resources';

/** Whether the Accept header asks for a meta.k8s.io Table (kubectl's human output). */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept);
}

/** The Content-Type of a Table answer, in the version of the first Table media range accepted. */
export function tableContentType(accept: string | undefined): string {
  for (const range of (accept ?? '').split(',')) {
    const params = new Map(range.split(';').slice(1).map(p => p.trim().split('=') as [string, string]));
    if (params.get('as') === 'Table') {
      return `application/json;as=Table;v=${params.get('v') === 'v1beta1' ? 'v1beta1' : 'v1'};g=meta.k8s.io`;
    }
  }
  return 'application/json;as=Table;v=v1;g=meta.k8s.io';
}

/** "12s", "5m", "3h", "4d": how kubectl shows an age. */
export function humanAge(timestamp: string | undefined, now = Date.now()): string {
  if (!timestamp) return '<unknown>';
  const seconds = Math.max(0, Math.floor((now - Date.parse(timestamp)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return `${minutes}m${seconds % 60 ? `${seconds % 60}s` : ''}`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 365 * 2) return `${days}d`;
  return `${Math.floor(days / 365)}y`;
}

const NAME: TableColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  cell: o => o.metadata.name,
};
const AGE: TableColumn = {
  name: 'Age',
  type: 'string',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
  cell: o => humanAge(o.metadata.creationTimestamp),
};

function lastSeen(e: KubeObject): unknown {
  return humanAge(String(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? ''));
}

function columnsOf(type: ResourceType): TableColumn[] {
  if (type.kind === 'Event' && type.group === '') {
    return [{ name: 'Last Seen', type: 'string', cell: lastSeen }, ...(type.columns ?? []), NAME];
  }
  return [NAME, ...(type.columns ?? []), AGE];
}

/** How much of the object each row carries: PartialObjectMetadata (default), the object, or none. */
export type IncludeObject = 'Metadata' | 'Object' | 'None';

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** Renders objects as a meta.k8s.io/v1 Table. */
export function renderTable(
  type: ResourceType,
  objects: KubeObject[],
  opts: { resourceVersion?: string; continueToken?: string; includeObject?: IncludeObject; withColumns?: boolean } = {},
): Record<string, unknown> {
  const columns = columnsOf(type);
  const include = opts.includeObject ?? 'Metadata';
  const metadata: Record<string, string> = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continueToken) metadata.continue = opts.continueToken;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    ...(opts.withColumns === false
      ? {}
      : {
          columnDefinitions: columns.map(c => ({
            name: c.name,
            type: c.type,
            format: c.format ?? '',
            description: c.description ?? c.name,
            priority: c.priority ?? 0,
          })),
        }),
    rows: objects.map(obj => {
      const object = rowObject(obj, include);
      return {
        cells: columns.map(c => {
          try {
            const value = c.cell(obj);
            return value === undefined || value === null ? '' : value;
          } catch {
            return '';
          }
        }),
        ...(object ? { object } : {}),
      };
    }),
  };
}
