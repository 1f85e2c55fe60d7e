import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_MATCHES } from '../../lib/crm/index';

export default defineContentScript({
  matches: [...CRM_MATCHES],
  main() {},
});
