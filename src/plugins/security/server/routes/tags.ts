/* The `access:` tags of the security routes (see authorization/access_rule.ts). */
export const MANAGE_SECURITY_TAG = 'access:security:manage';
