import { writeFileSync } from 'node:fs';
import { serializeCmsConfig, committedCmsConfig } from '../src/cms/config';
writeFileSync(committedCmsConfig, serializeCmsConfig());
