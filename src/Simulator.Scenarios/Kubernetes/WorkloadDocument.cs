using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// One Deployment, ReplicaSet or Job document while it is read: what the three kinds read the same
/// way (the typed manifest, its metadata and submit-at, the required spec, the pod template) and
/// the registration under a name unique per kind and namespace. Each kind's reader adds only the
/// spec fields that are its own.
/// </summary>
internal sealed class WorkloadDocument
{
    private readonly LoadContext _context;

    /// <summary>The error count before the metadata was read: any error since then rejects the object.</summary>
    private readonly int _errorsBefore;

    private WorkloadDocument(LoadContext context, SourceField spec, ManifestMetadata? metadata, int errorsBefore)
    {
        _context = context;
        Spec = spec;
        Metadata = metadata;
        _errorsBefore = errorsBefore;
    }

    public ScenarioErrors Errors => _context.Errors;

    /// <summary>Where <c>spec</c> is written.</summary>
    public SourceField Spec { get; }

    public SourceField Template => Spec.Child("template");

    /// <summary>The metadata, or null after reporting errors in it.</summary>
    public ManifestMetadata? Metadata { get; }

    /// <summary>
    /// The document and its typed spec, or null when the manifest could not be read at all or has
    /// no spec (then there is nothing of the kind's own to check). <paramref name="templates"/> are
    /// where the kind's pod templates are (default: <c>spec.template</c>).
    /// </summary>
    public static (WorkloadDocument Document, TSpec Spec)? Read<TManifest, TSpec>(SourceDocument document, LoadContext context,
        IEnumerable<SourceField>? templates = null)
        where TManifest : class, IMetadata<V1ObjectMeta>, ISpec<TSpec>
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var spec = root.Child("spec");
        var quantities = (templates ?? [spec.Child("template")]).SelectMany(PodTemplateReader.QuantityFields);
        var v1 = TypedManifest.Read<TManifest>(context.Text, document, quantities, errors);
        if (v1 is null) return null;
        context.Declare(root.Child("kind").Scalar?.Value ?? "", v1.Metadata?.NamespaceProperty, v1.Metadata?.Name);

        int before = errors.Count;
        var metadata = ManifestMetadata.Read(v1.Metadata, root.Child("metadata"), errors, AnnotationTarget.WorkloadObject);
        if (v1.Spec is not { } s)
        {
            errors.At(spec, "Required value");
            return null;
        }
        return (new WorkloadDocument(context, spec, metadata, before), s);
    }

    /// <summary>
    /// The pod template, or null after reporting errors; its restart policy (after defaulting to
    /// Always) must be one of <paramref name="restartPolicies"/>. <paramref name="extraLabels"/> are
    /// labels the API server adds at creation.
    /// </summary>
    public PodTemplate? PodTemplate(V1PodTemplateSpec? v1, RestartPolicy[] restartPolicies,
        IReadOnlyDictionary<string, string>? extraLabels = null)
    {
        var template = PodTemplateReader.Read(v1, Template, _context, extraLabels);
        if (template is not null) WorkloadRules.RestartPolicyIn(template, Template, Errors, restartPolicies);
        if (template is not null) TrainingRules.RunsToCompletion(template, Template, Errors);
        return template;
    }

    /// <summary>
    /// Adds the object <paramref name="build"/> makes from the metadata, unless this document
    /// reported an error. <paramref name="resource"/> is how kubectl names the kind ("deployments.apps").
    /// </summary>
    public void Submit(string resource, Func<ObjectMeta, IApiObject> build)
    {
        if (Errors.Count > _errorsBefore || Metadata is not { } meta) return;
        _context.AddWorkload(new ObjectSubmission(meta.SubmitAt, build(meta.Metadata)), meta.NameField, resource);
    }
}
