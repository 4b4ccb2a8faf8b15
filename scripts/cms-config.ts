// `npm run cms:config`: writes the CMS configuration generated from the schemas to its committed
// copy, which /admin/ loads and tests/cms-config.test.ts compares with the code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { committedCmsConfig, serializeCmsConfig } from '../src/cms/config';

writeFileSync(join(import.meta.dirname, '..', committedCmsConfig), serializeCmsConfig());
console.log(`已写入 ${committedCmsConfig}`);
