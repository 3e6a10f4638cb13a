import fs from 'node:fs';
import { buildVector, VECTORS } from './vectors.js';

// node --import tsx packages/domain/src/inspection/test-vectors/generate.ts
// Rewrites the vector files. Only run it for a new algorithm version: the tests pin the old ones.
for (const v of VECTORS) {
  const record = buildVector(v);
  fs.writeFileSync(new URL(v.file, import.meta.url), `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(
    `${v.file}: ${record.targets.length} targets, ${record.replacements.length} replacements\n`,
  );
}
