import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Commit, LogParser } from "../../src/evidence/log-parser.ts";

const SAMPLE = Buffer.concat([
  Buffer.from(
    '\x01bbb\x02aaa\x02Ann Lee\x02ann@x.org\x021700000100\x02\0\nR087\0ci/old.yml\0.github/workflows/ci.yml\0M\0a file with spaces & "quotes".py\0',
  ),
  Buffer.from("M\0line\nbreak.txt\0D\0gone.txt\0"),
  Buffer.from("\x01mmm\x02aaa bbb\x02Bot\x02bot@x\x021700000050\x02\0"),
  Buffer.from(
    "\x01aaa\x02\x02Bo Ng\x02bo@x.org\x021700000000\x02Cy D <cy@x.org>\x1fEve <eve@x.org>\x02Rae <rae@x.org>\0\nA\0",
  ),
  Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe, 0x2e, 0x74, 0x78, 0x74, 0x00]),
]);

function parse(chunks: Buffer[]): Commit[] {
  const commits: Commit[] = [];
  const parser = new LogParser((c) => commits.push(c));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return commits;
}

describe("the git log parser", () => {
  it("reads commits, renames, odd names, merges without changes, co-author and reviewer trailers", () => {
    const [newest, merge, root] = parse([SAMPLE]);
    assert.deepEqual(newest, {
      hash: "bbb",
      parents: ["aaa"],
      authorName: "Ann Lee",
      authorEmail: "ann@x.org",
      time: 1700000100,
      coAuthors: [],
      reviewers: [],
      changes: [
        { status: "R", from: "ci/old.yml", path: ".github/workflows/ci.yml" },
        { status: "M", path: 'a file with spaces & "quotes".py' },
        { status: "M", path: "line\nbreak.txt" },
        { status: "D", path: "gone.txt" },
      ],
    });
    assert.deepEqual(merge?.parents, ["aaa", "bbb"]);
    assert.deepEqual(merge?.changes, []);
    assert.deepEqual(root?.parents, []);
    assert.deepEqual(root?.coAuthors, ["Cy D <cy@x.org>", "Eve <eve@x.org>"]);
    assert.deepEqual(root?.reviewers, ["Rae <rae@x.org>"]);
    assert.equal(root?.changes[0]?.path, "bad\ufffd\ufffd.txt", "invalid UTF-8 is kept, replaced");
  });

  it("gives the same result however the stream is cut", () => {
    const whole = parse([SAMPLE]);
    for (let size = 1; size <= 17; size++) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < SAMPLE.length; i += size) chunks.push(SAMPLE.subarray(i, i + size));
      assert.deepEqual(parse(chunks), whole, `chunks of ${size}`);
    }
  });

  it("reads an empty log as no commits", () => {
    assert.deepEqual(parse([]), []);
  });
});
