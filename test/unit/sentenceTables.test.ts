// The sentence index's typed tables against plain Maps: whatever pairs are added and whenever the
// postings are asked (each question sorts what came since into a run, merged or not), a hash's
// groups come back complete and in the order added; identities of 53 bits find their group; the
// votes elect what a Map of votes sorted whole would.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { GroupVotes, IdentityTable, TrigramPostings } from '../../server/src/core/quotes/sentenceTables';

/** The groups the postings hold for a hash, in the order they give them. */
function groupsOf(postings: TrigramPostings, hash: number): number[] {
  const groups: number[] = [];
  postings.forEachGroup(postings.find(hash), (group) => groups.push(group));
  return groups;
}

describe('TrigramPostings: trigram hashes to the groups holding them', () => {
  it('gives every hash its groups in ascending order, asked at any time, across runs and sorts', () => {
    // Hashes from a small set, so that runs share them; a few at the ends of the 32-bit range.
    const hash = fc.oneof(fc.nat(40), fc.constantFrom(0, 0x7fffffff, 0x80000000, 0xffffffff));
    const sentence = fc.record({ hashes: fc.uniqueArray(hash, { maxLength: 30 }), ask: fc.boolean() });
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 80 }), fc.constantFrom(8, 64, 1 << 20), fc.constantFrom(0, 4, 2048), (sentences, runSize, smallSort) => {
        const postings = new TrigramPostings(runSize, smallSort);
        const expected = new Map<number, number[]>();
        const check = () => {
          for (const [h, groups] of expected) {
            assert.deepEqual(groupsOf(postings, h), groups);
            assert.equal(postings.find(h).count, groups.length);
          }
          assert.deepEqual(groupsOf(postings, 12345), []);
        };
        sentences.forEach(({ hashes, ask }, group) => {
          for (const h of hashes) {
            postings.add(h, group);
            expected.set(h, [...(expected.get(h) ?? []), group]);
          }
          if (ask) check();
        });
        check();
        assert.equal(postings.size, [...expected.values()].reduce((n, g) => n + g.length, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts a run of a million pairs by radix as a comparison sort would', () => {
    const postings = new TrigramPostings();
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const added: [number, number][] = [];
    for (let group = 0; group < 100_000; group++) {
      for (let k = 0; k < 11; k++) {
        const h = k < 10 ? next() : 0xdeadbeef;
        postings.add(h, group);
        if (group % 997 === 0) added.push([h, group]);
      }
    }
    for (const [h, group] of added) assert.ok(groupsOf(postings, h).includes(group), `group ${group} under ${h}`);
    assert.equal(postings.find(0xdeadbeef).count, 100_000);
    assert.deepEqual(groupsOf(postings, 0xdeadbeef).slice(0, 3), [0, 1, 2]);
  });
});

describe('GroupVotes: the sentences a quotation votes for', () => {
  it('elects what counting in a Map and sorting everything would, round after round', () => {
    // Each group's id is its live copy, one of its own; some groups have none (-1) and are passed over.
    const round = fc.record({ votes: fc.array(fc.nat(60), { maxLength: 300 }), limit: fc.integer({ min: 1, max: 8 }) });
    const live = fc.uniqueArray(fc.nat(500), { minLength: 61, maxLength: 61 });
    const dead = fc.array(fc.boolean(), { minLength: 61, maxLength: 61 });
    fc.assert(
      fc.property(fc.array(round, { minLength: 1, maxLength: 5 }), live, dead, (rounds, copies, gone) => {
        const ids = copies.map((id, group) => (gone[group] ? -1 : id));
        const votes = new GroupVotes();
        for (const { votes: cast, limit } of rounds) {
          const counted = new Map<number, number>();
          for (const group of cast) {
            votes.add(group);
            if (ids[group] >= 0) counted.set(ids[group], (counted.get(ids[group]) ?? 0) + 1);
          }
          const expected = [...counted].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, limit);
          assert.deepEqual(
            votes.best(limit, (group) => ids[group]).map(({ id, votes: n }) => [id, n]),
            expected,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('IdentityTable: sentence identities to their groups', () => {
  it('finds the group of any identity set, and nothing for others', () => {
    const identity = fc.oneof(fc.maxSafeNat(), fc.nat(5000), fc.constantFrom(0, 2 ** 53 - 1, 2 ** 52, 0x1fffff, 0x200000));
    fc.assert(
      fc.property(fc.uniqueArray(identity, { maxLength: 3000 }), fc.array(identity, { maxLength: 50 }), (set, asked) => {
        const table = new IdentityTable();
        set.forEach((id, group) => table.set(id, group));
        const groups = new Map(set.map((id, group) => [id, group]));
        for (const id of [...set, ...asked]) assert.equal(table.get(id), groups.get(id));
      }),
      { numRuns: 60 },
    );
  });

  it('tells apart identities that share their high or their low part', () => {
    const table = new IdentityTable();
    table.set(5 * 0x200000 + 7, 1);
    table.set(5 * 0x200000 + 8, 2);
    table.set(6 * 0x200000 + 7, 3);
    assert.deepEqual([5 * 0x200000 + 7, 5 * 0x200000 + 8, 6 * 0x200000 + 7, 6 * 0x200000 + 8].map((id) => table.get(id)), [1, 2, 3, undefined]);
    // Grown several times over, everything set before is still found.
    for (let i = 0; i < 20_000; i++) table.set(i * 0x200000 + ((i * 7919) % 0x200000) + 1e9, 100 + i);
    assert.equal(table.get(5 * 0x200000 + 8), 2);
    assert.equal(table.get(19_999 * 0x200000 + ((19_999 * 7919) % 0x200000) + 1e9), 100 + 19_999);
  });
});
