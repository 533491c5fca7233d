import protobuf from 'protobufjs';

// onnx.proto (IR 10, onnx 1.17+) as a protobufjs reflection schema, for the benchmark's baseline:
// a whole-file decode as Netron and onnx.load do it. Every message and field is declared, so the
// baseline decodes what a full loader decodes (unknown fields would be skipped more cheaply).
// Enums are declared as int32: same wire format, no name lookups.

type Fields = Record<string, { id: number; type: string; rule?: 'repeated' }>;

const one = (id: number, type: string) => ({ id, type });
const many = (id: number, type: string) => ({ id, type, rule: 'repeated' as const });

const message = (fields: Fields, nested?: Record<string, { fields: Fields }>) =>
  nested ? { fields, nested } : { fields };

const ONNX: protobuf.INamespace = {
  nested: {
    onnx: {
      nested: {
        AttributeProto: message({
          name: one(1, 'string'),
          refAttrName: one(21, 'string'),
          docString: one(13, 'string'),
          type: one(20, 'int32'),
          f: one(2, 'float'),
          i: one(3, 'int64'),
          s: one(4, 'bytes'),
          t: one(5, 'TensorProto'),
          g: one(6, 'GraphProto'),
          sparseTensor: one(22, 'SparseTensorProto'),
          tp: one(14, 'TypeProto'),
          floats: many(7, 'float'),
          ints: many(8, 'int64'),
          strings: many(9, 'bytes'),
          tensors: many(10, 'TensorProto'),
          graphs: many(11, 'GraphProto'),
          sparseTensors: many(23, 'SparseTensorProto'),
          typeProtos: many(15, 'TypeProto'),
        }),
        ValueInfoProto: message({
          name: one(1, 'string'),
          type: one(2, 'TypeProto'),
          docString: one(3, 'string'),
          metadataProps: many(4, 'StringStringEntryProto'),
        }),
        NodeProto: message({
          input: many(1, 'string'),
          output: many(2, 'string'),
          name: one(3, 'string'),
          opType: one(4, 'string'),
          domain: one(7, 'string'),
          overload: one(8, 'string'),
          attribute: many(5, 'AttributeProto'),
          docString: one(6, 'string'),
          metadataProps: many(9, 'StringStringEntryProto'),
        }),
        TrainingInfoProto: message({
          initialization: one(1, 'GraphProto'),
          algorithm: one(2, 'GraphProto'),
          initializationBinding: many(3, 'StringStringEntryProto'),
          updateBinding: many(4, 'StringStringEntryProto'),
        }),
        ModelProto: message({
          irVersion: one(1, 'int64'),
          opsetImport: many(8, 'OperatorSetIdProto'),
          producerName: one(2, 'string'),
          producerVersion: one(3, 'string'),
          domain: one(4, 'string'),
          modelVersion: one(5, 'int64'),
          docString: one(6, 'string'),
          graph: one(7, 'GraphProto'),
          metadataProps: many(14, 'StringStringEntryProto'),
          trainingInfo: many(20, 'TrainingInfoProto'),
          functions: many(25, 'FunctionProto'),
        }),
        StringStringEntryProto: message({ key: one(1, 'string'), value: one(2, 'string') }),
        TensorAnnotation: message({
          tensorName: one(1, 'string'),
          quantParameterTensorNames: many(2, 'StringStringEntryProto'),
        }),
        GraphProto: message({
          node: many(1, 'NodeProto'),
          name: one(2, 'string'),
          initializer: many(5, 'TensorProto'),
          sparseInitializer: many(15, 'SparseTensorProto'),
          docString: one(10, 'string'),
          input: many(11, 'ValueInfoProto'),
          output: many(12, 'ValueInfoProto'),
          valueInfo: many(13, 'ValueInfoProto'),
          quantizationAnnotation: many(14, 'TensorAnnotation'),
          metadataProps: many(16, 'StringStringEntryProto'),
        }),
        TensorProto: message(
          {
            dims: many(1, 'int64'),
            dataType: one(2, 'int32'),
            segment: one(3, 'Segment'),
            floatData: many(4, 'float'),
            int32Data: many(5, 'int32'),
            stringData: many(6, 'bytes'),
            int64Data: many(7, 'int64'),
            name: one(8, 'string'),
            docString: one(12, 'string'),
            rawData: one(9, 'bytes'),
            externalData: many(13, 'StringStringEntryProto'),
            dataLocation: one(14, 'int32'),
            doubleData: many(10, 'double'),
            uint64Data: many(11, 'uint64'),
            metadataProps: many(16, 'StringStringEntryProto'),
          },
          { Segment: message({ begin: one(1, 'int64'), end: one(2, 'int64') }) },
        ),
        SparseTensorProto: message({
          values: one(1, 'TensorProto'),
          indices: one(2, 'TensorProto'),
          dims: many(3, 'int64'),
        }),
        TensorShapeProto: message(
          { dim: many(1, 'Dimension') },
          {
            Dimension: message({
              dimValue: one(1, 'int64'),
              dimParam: one(2, 'string'),
              denotation: one(3, 'string'),
            }),
          },
        ),
        TypeProto: message(
          {
            tensorType: one(1, 'Tensor'),
            sequenceType: one(4, 'Sequence'),
            mapType: one(5, 'Map'),
            optionalType: one(9, 'Optional'),
            sparseTensorType: one(8, 'SparseTensor'),
            opaqueType: one(7, 'Opaque'),
            denotation: one(6, 'string'),
          },
          {
            Tensor: message({ elemType: one(1, 'int32'), shape: one(2, 'TensorShapeProto') }),
            Sequence: message({ elemType: one(1, 'TypeProto') }),
            Map: message({ keyType: one(1, 'int32'), valueType: one(2, 'TypeProto') }),
            Optional: message({ elemType: one(1, 'TypeProto') }),
            SparseTensor: message({ elemType: one(1, 'int32'), shape: one(2, 'TensorShapeProto') }),
            Opaque: message({ domain: one(1, 'string'), name: one(2, 'string') }),
          },
        ),
        OperatorSetIdProto: message({ domain: one(1, 'string'), version: one(2, 'int64') }),
        FunctionProto: message({
          name: one(1, 'string'),
          input: many(4, 'string'),
          output: many(5, 'string'),
          attribute: many(6, 'string'),
          attributeProto: many(11, 'AttributeProto'),
          node: many(7, 'NodeProto'),
          docString: one(8, 'string'),
          opsetImport: many(9, 'OperatorSetIdProto'),
          domain: one(10, 'string'),
          overload: one(13, 'string'),
          valueInfo: many(12, 'ValueInfoProto'),
          metadataProps: many(14, 'StringStringEntryProto'),
        }),
      },
    },
  },
};

/** A protobufjs int64: a Long object when long.js is loaded, a number otherwise. */
export type Int64 = number | { toNumber(): number };

/** The parts of a decoded ModelProto the benchmark checks. */
export interface DecodedModel {
  graph?: {
    node: unknown[];
    initializer: { name: string; dims: Int64[] }[];
    input: { name: string }[];
    output: { name: string }[];
  };
}

/** The ModelProto type, built once per process from the schema above. */
export function modelProtoType(): protobuf.Type {
  return protobuf.Root.fromJSON(ONNX).lookupType('onnx.ModelProto');
}
