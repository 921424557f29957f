import { describe, expect, it } from 'vitest';
import { reachTopPx } from '../../src-renderer/app/reach.js';

describe('reach line', () => {
  it('puts the line where 1,220 mm falls on the configured screen', () => {
    // Top edge 1,520 mm, picture 600 mm: the top 300 mm (half) is out of reach.
    expect(reachTopPx({ width: 1080, height: 1920 }, { topEdgeMm: 1_520, heightMm: 600 })).toBe(960);
    expect(reachTopPx({ width: 1920, height: 1080 }, { topEdgeMm: 1_370, heightMm: 600 })).toBe(270);
  });

  it('has no line when the whole screen is within reach', () => {
    expect(reachTopPx({ width: 1080, height: 1920 }, { topEdgeMm: 1_200, heightMm: 600 })).toBe(0);
    expect(reachTopPx({ width: 1080, height: 1920 }, { topEdgeMm: 1_220, heightMm: 600 })).toBe(0);
  });

  it('takes an unconfigured portrait screen as floor-standing and a landscape one as within reach', () => {
    expect(reachTopPx({ width: 1080, height: 1920 }, undefined)).toBe(Math.round(((1_450 - 1_220) / 480) * 1920));
    expect(reachTopPx({ width: 1366, height: 768 }, undefined)).toBe(0);
  });
});
