// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { downloadItem, downloadText, REVOKE_DELAY_MS } from '../../src/export/downloadItem';

describe('downloadText', () => {
  let created: Blob[];
  let revoked: string[];
  let clicks: { href: string; download: string; inDocument: boolean }[];

  beforeEach(() => {
    vi.useFakeTimers();
    created = [];
    revoked = [];
    clicks = [];
    // jsdom has no object URLs; record what the module asks for.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return `blob:test/${created.length}`;
    });
    URL.revokeObjectURL = vi.fn((url: string) => {
      revoked.push(url);
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push({ href: this.href, download: this.download, inDocument: this.isConnected });
    });
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('clicks a download link for a blob of the text, then removes the link', async () => {
    downloadText('{"a":1}\n', 'my-model.json');
    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'my-model.json', inDocument: true }]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(created[0]?.type).toBe('application/json');
    expect(await created[0]?.text()).toBe('{"a":1}\n');
  });

  it('revokes the object URL after a delay, not at once', () => {
    downloadText('x', 'x.txt', 'text/plain');
    expect(created[0]?.type).toBe('text/plain');
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(REVOKE_DELAY_MS);
    expect(revoked).toEqual(['blob:test/1']);
  });

  it('still removes the link and revokes the URL when the click throws', () => {
    vi.mocked(HTMLAnchorElement.prototype.click).mockImplementation(() => {
      throw new Error('blocked');
    });
    expect(() => downloadText('x', 'x.json')).toThrow('blocked');
    expect(document.querySelectorAll('a')).toHaveLength(0);
    vi.runAllTimers();
    expect(revoked).toEqual(['blob:test/1']);
  });

  it('downloadItem saves the serialized item under its id', async () => {
    downloadItem({ id: 'a/b', type: 'Feature' });
    expect(clicks[0]?.download).toBe('a_b.json');
    expect(await created[0]?.text()).toBe('{\n  "type": "Feature",\n  "id": "a/b"\n}\n');
  });
});
