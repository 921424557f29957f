import { describe, expect, it } from 'vitest';
import { pad80, retailMac, retailMacBlocks } from '../../../drivers/ssc/mac.js';

describe('reload MAC (ISO 9797-1 algorithm 3)', () => {
  it('matches the BouncyCastle ISO9797Alg3Mac published test vector', () => {
    const key = Buffer.from('7CA110454A1A6E570131D9619DC1376E', 'hex');
    const mac = retailMacBlocks(key, Buffer.alloc(8), Buffer.from('Hello World !!!!', 'latin1'));
    expect(mac.toString('hex').toUpperCase()).toBe('F09B856213BAB83B');
  });

  it('pads with 80 00… (method 2) and keeps the first 4 bytes', () => {
    expect(pad80(Buffer.from('01020304', 'hex')).toString('hex')).toBe('0102030480000000');
    expect(pad80(Buffer.alloc(8)).length).toBe(16);
    const key = Buffer.from('404142434445464748494A4B4C4D4E4F', 'hex');
    const data = Buffer.from('805E000007111111', 'hex');
    expect(retailMac(key, Buffer.alloc(8), data)).toEqual(retailMacBlocks(key, Buffer.alloc(8), pad80(data)).subarray(0, 4));
  });
});
