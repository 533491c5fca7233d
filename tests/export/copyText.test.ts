// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { copyText } from '../../src/export/copyText';

function setClipboard(clipboard: unknown): void {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
}

describe('copyText', () => {
  let execCommand: ReturnType<typeof vi.fn>;
  let copiedByFallback: string[];

  beforeEach(() => {
    copiedByFallback = [];
    // jsdom has no execCommand; this one reads the selected textarea like a browser would.
    execCommand = vi.fn((command: string) => {
      const active = document.activeElement;
      if (command === 'copy' && active instanceof HTMLTextAreaElement) {
        copiedByFallback.push(active.value);
        return true;
      }
      return false;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  });

  afterEach(() => {
    setClipboard(undefined);
    vi.restoreAllMocks();
  });

  it('uses the Clipboard API when it works', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    await copyText('hello');
    expect(writeText).toHaveBeenCalledWith('hello');
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('falls back to a textarea when the Clipboard API refuses, and cleans up', async () => {
    setClipboard({
      writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    });
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    await copyText('{"a": 1}');
    expect(copiedByFallback).toEqual(['{"a": 1}']);
    expect(document.querySelectorAll('textarea')).toHaveLength(0);
    expect(document.activeElement).toBe(button);
    button.remove();
  });

  it('falls back when there is no Clipboard API at all', async () => {
    setClipboard(undefined);
    await copyText('plain http');
    expect(copiedByFallback).toEqual(['plain http']);
  });

  it('rejects with a clear message when both ways fail', async () => {
    setClipboard({ writeText: () => Promise.reject(new Error('denied')) });
    execCommand.mockReturnValue(false);
    await expect(copyText('x')).rejects.toThrow(
      /^Could not copy to the clipboard: the Clipboard API refused \(denied\), and the fallback failed too \(the browser refused to copy\)\./,
    );
    expect(document.querySelectorAll('textarea')).toHaveLength(0);
  });

  it('reports an exception thrown by the fallback', async () => {
    setClipboard(undefined);
    execCommand.mockImplementation(() => {
      throw new Error('execCommand is not supported');
    });
    await expect(copyText('x')).rejects.toThrow(
      /Clipboard API is not available here, and the fallback failed too \(execCommand is not supported\)/,
    );
  });
});
