export { Reference } from './reference';
export { SiblingReference } from './sibling_reference';
export { ContextReference } from './context_reference';
