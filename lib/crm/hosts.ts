// Imported by wxt.config.ts: the manifest's host access is the adapters' own list, never a second copy.
export { CRM_MATCHES as CRM_HOST_PATTERNS } from './index';
