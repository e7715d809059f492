export { Type } from './type';
export type { TypeOptions } from './type';
export { AnyType } from './any_type';
export { ArrayType } from './array_type';
export type { ArrayOptions } from './array_type';
export { BooleanType } from './boolean_type';
export { BufferType } from './buffer_type';
export { ByteSizeType } from './byte_size_type';
export type { ByteSizeOptions } from './byte_size_type';
export { ConditionalType } from './conditional_type';
export type { ConditionalTypeValue } from './conditional_type';
export { DurationType } from './duration_type';
export type { DurationOptions } from './duration_type';
export { IpType } from './ip_type';
export type { IpOptions, IpVersion } from './ip_type';
export { LiteralType } from './literal_type';
export { MapOfType } from './map_type';
export type { MapOfOptions } from './map_type';
export { MaybeType } from './maybe_type';
export { NeverType } from './never_type';
export { NumberType } from './number_type';
export type { NumberOptions } from './number_type';
export { ObjectType } from './object_type';
export type {
  NullableProps,
  ObjectResultType,
  ObjectTypeOptions,
  Props,
  TypeOf,
  UnknownOptions,
} from './object_type';
export { RecordOfType } from './record_type';
export type { RecordOfOptions } from './record_type';
export { StreamType } from './stream_type';
export { StringType } from './string_type';
export type { StringOptions } from './string_type';
export { UnionType } from './union_type';
export { URIType } from './uri_type';
export type { URIOptions } from './uri_type';
