import { describe, expect, it } from 'vitest';
import { fileProblem } from './EditDialog';

describe('fileProblem', () => {
  it('accepts the image types image-service takes, up to 5 MB', () => {
    expect(fileProblem(new File([new Uint8Array(10)], 'a.png', { type: 'image/png' }))).toBeNull();
  });

  it('names a file of another type', () => {
    expect(fileProblem(new File(['x'], 'notes.pdf', { type: 'application/pdf' }))).toBe('notes.pdf is not a PNG, JPEG, WebP or GIF image');
  });

  it('names a file that is too large', () => {
    expect(fileProblem(new File([new Uint8Array(6 * 1024 * 1024)], 'big.jpg', { type: 'image/jpeg' }))).toBe('big.jpg is 6.0 MB; at most 5 MB');
  });
});
