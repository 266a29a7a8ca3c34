import { describe, expect, it } from 'vitest';
import { parseJsonObject } from '../../../main/transport/request-body';

const parse = (text: string | Buffer) => parseJsonObject(Buffer.isBuffer(text) ? text : Buffer.from(text));
const messageOf = (text: string | Buffer) => {
  const read = parse(text);
  return read.ok ? null : read.error.message;
};

describe('parseJsonObject', () => {
  it('takes a JSON object', () => {
    expect(parse('{"auto_start":true}')).toEqual({ ok: true, value: { auto_start: true } });
  });

  it('takes an empty body as no body', () => {
    expect(parse('')).toEqual({ ok: true, value: undefined });
    expect(parse('  \n')).toEqual({ ok: true, value: undefined });
  });

  it('refuses null, arrays and other JSON values, naming what came', () => {
    expect(messageOf('null')).toBe('body: must be a JSON object, not null.');
    expect(messageOf('[{"calendar_id":"a"}]')).toBe('body: must be a JSON object, not an array.');
    expect(messageOf('"x"')).toBe('body: must be a JSON object, not a string.');
    expect(messageOf('42')).toBe('body: must be a JSON object, not a number.');
    expect(messageOf('true')).toBe('body: must be a JSON object, not a boolean.');
  });

  it('refuses a byte-order mark', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]);

    expect(messageOf(withBom)).toBe('body: starts with a byte-order mark; send UTF-8 JSON without one.');
  });

  it('refuses broken UTF-8 and broken JSON without quoting the body', () => {
    expect(messageOf(Buffer.from([0x7b, 0xff, 0x7d]))).toBe('body: not valid UTF-8.');
    expect(messageOf('{"api_key":"s3cret-key-value"')).toBe('body: not valid JSON.');
  });

  it('gives 400 for every refusal', () => {
    const read = parse('null');

    expect(read.ok ? 0 : read.status).toBe(400);
  });
});
