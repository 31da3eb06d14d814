namespace CityOps.Flow.Engine.Bpmn.Model;

public enum ArtifactKind
{
    TextAnnotation,
    Association,
    Group,
    DataObject,
    DataObjectReference,
    DataStoreReference,
    DataInput,
    DataOutput,
    DataInputAssociation,
    DataOutputAssociation,
}
