// Hand-in codes as a student's page writes them (see engine/src/handin.rs), rewritten here as
// someone who read the format could: another name, or another claimed accuracy, with the
// code's sum mended. The board must trust only what it computes again.

/** `code` with the name `name` and, when given, the claimed accuracy `accuracy`. */
export function recode(code, name, accuracy = null) {
  const bytes = Buffer.from(code.slice(5), 'base64url');
  const data = bytes.subarray(0, bytes.length - 4);
  const rest = data.subarray(1 + data[0]);
  const nameBytes = Buffer.from(name, 'utf8');
  const out = Buffer.concat([Buffer.from([nameBytes.length]), nameBytes, rest]);
  if (accuracy !== null) {
    const linkLen = out.readUInt16LE(1 + nameBytes.length);
    out.writeDoubleLE(accuracy, 1 + nameBytes.length + 2 + linkLen + 8 + 8);
  }
  let h = 0x811c9dc5;
  for (const b of out) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(h);
  return 'NRN1.' + Buffer.concat([out, sum]).toString('base64url');
}
