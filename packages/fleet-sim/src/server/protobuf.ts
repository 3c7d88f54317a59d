import { KubeObject } from '../store/types';
import { KubeStatusError } from './KubeStatusError';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Field = { no: number; wire: number; value: bigint | Buffer };

function readVarint(buf: Buffer, start: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  let pos = start;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const byte = buf[pos++];
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
}

function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [tag, afterTag] = readVarint(buf, pos);
    pos = afterTag;
    const no = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (wire === 0) {
      const [v, next] = readVarint(buf, pos);
      out.push({ no, wire, value: v });
      pos = next;
    } else if (wire === 2) {
      const [len, next] = readVarint(buf, pos);
      const end = next + Number(len);
      out.push({ no, wire, value: buf.subarray(next, end) });
      pos = end;
    } else if (wire === 1) {
      pos += 8;
    } else if (wire === 5) {
      pos += 4;
    } else {
      throw new Error(`unsupported wire type ${wire}`);
    }
  }
  return out;
}

const str = (f: Field | undefined) => (f && Buffer.isBuffer(f.value) ? f.value.toString('utf8') : undefined);
const bytesOf = (f: Field) => (Buffer.isBuffer(f.value) ? f.value : Buffer.alloc(0));
const first = (fs: Field[], no: number) => fs.find(f => f.no === no);

function map(fs: Field[], no: number, asBase64 = false): Record<string, string> | undefined {
  const entries = fs.filter(f => f.no === no);
  if (entries.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const kv = fields(bytesOf(entry));
    const key = str(first(kv, 1)) ?? '';
    const value = first(kv, 2);
    if (!asBase64) out[key] = str(value) ?? '';
    else out[key] = value ? bytesOf(value).toString('base64') : '';
  }
  return out;
}

function objectMeta(buf: Buffer): KubeObject['metadata'] {
  const fs = fields(buf);
  const meta: KubeObject['metadata'] = { name: str(first(fs, 1)) ?? '' };
  const generateName = str(first(fs, 2));
  if (generateName) meta.generateName = generateName;
  const namespace = str(first(fs, 3));
  if (namespace) meta.namespace = namespace;
  const labels = map(fs, 11);
  if (labels) meta.labels = labels;
  const annotations = map(fs, 12);
  if (annotations) meta.annotations = annotations;
  return meta;
}

/** Whether a request body is a Kubernetes protobuf envelope. */
export function isProtobuf(contentType: string | undefined): boolean {
  return !!contentType && contentType.startsWith('application/vnd.kubernetes.protobuf');
}

/**
 * Decodes the few protobuf bodies kubectl's typed clients send (create namespace, configmap,
 * secret, serviceaccount): the envelope, ObjectMeta and those kinds' data maps. Other fields are
 * dropped; replies go out as JSON, which kubectl accepts.
 */
export function decodeProtobuf(body: Buffer): KubeObject {
  try {
    if (!body.subarray(0, 4).equals(MAGIC)) throw new Error('missing k8s magic');
    const unknown = fields(body.subarray(4));
    const typeMeta = fields(bytesOf(first(unknown, 1) ?? { no: 1, wire: 2, value: Buffer.alloc(0) }));
    const apiVersion = str(first(typeMeta, 1)) ?? '';
    const kind = str(first(typeMeta, 2)) ?? '';
    const raw = fields(bytesOf(first(unknown, 2) ?? { no: 2, wire: 2, value: Buffer.alloc(0) }));
    const metaField = first(raw, 1);
    const obj: KubeObject = { apiVersion, kind, metadata: metaField ? objectMeta(bytesOf(metaField)) : { name: '' } };
    if (kind === 'ConfigMap') {
      const data = map(raw, 2);
      if (data) obj.data = data;
      const binaryData = map(raw, 3, true);
      if (binaryData) obj.binaryData = binaryData;
    } else if (kind === 'Secret') {
      const data = map(raw, 2, true);
      if (data) obj.data = data;
      const type = str(first(raw, 3));
      if (type) obj.type = type;
      const stringData = map(raw, 4);
      if (stringData) obj.stringData = stringData;
    } else if (kind === 'Namespace') {
      const spec = first(raw, 2);
      const finalizers = spec ? fields(bytesOf(spec)).filter(f => f.no === 1).map(f => str(f) ?? '') : [];
      obj.spec = finalizers.length ? { finalizers } : {};
    }
    return obj;
  } catch (error) {
    throw new KubeStatusError(415, `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (${(error as Error).message})`, 'UnsupportedMediaType');
  }
}
