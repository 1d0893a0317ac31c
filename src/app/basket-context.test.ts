import { describe, expect, it } from 'vitest';
import { moveItem } from './basket-context.ts';

describe('moveItem', () => {
  const items = [{ id: 1 }, { id: 2 }, { id: 3 }];
  it('moves an item one place up or down', () => {
    expect(moveItem(items, 2, -1).map((i) => i.id)).toEqual([2, 1, 3]);
    expect(moveItem(items, 2, 1).map((i) => i.id)).toEqual([1, 3, 2]);
  });
  it('leaves the list as it is at either end or for an unknown id', () => {
    expect(moveItem(items, 1, -1).map((i) => i.id)).toEqual([1, 2, 3]);
    expect(moveItem(items, 3, 1).map((i) => i.id)).toEqual([1, 2, 3]);
    expect(moveItem(items, 9, 1).map((i) => i.id)).toEqual([1, 2, 3]);
  });
});
