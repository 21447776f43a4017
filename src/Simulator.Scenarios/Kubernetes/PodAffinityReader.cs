using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// <c>spec.affinity.podAffinity</c> and <c>podAntiAffinity</c>, checked as Kubernetes'
/// validatePodAffinityTerm and validateWeightedPodAffinityTerms do. Selectors are read from the
/// source tree (<see cref="LabelSelectorReader"/>) for exact positions; the rest from the typed model.
/// </summary>
internal static class PodAffinityReader
{
    public static PodAffinity Read(IList<V1PodAffinityTerm>? required, IList<V1WeightedPodAffinityTerm>? preferred, SourceField field, ScenarioErrors errors)
    {
        if ((required is null || required.Count == 0) && (preferred is null || preferred.Count == 0)) return PodAffinity.None;
        var requiredTerms = new List<PodAffinityTerm>();
        var requiredField = field.Child("requiredDuringSchedulingIgnoredDuringExecution");
        for (int i = 0; i < (required?.Count ?? 0); i++)
            if (Term(required![i], requiredField.Item(i), errors) is { } t) requiredTerms.Add(t);

        var preferredTerms = new List<WeightedPodAffinityTerm>();
        var preferredField = field.Child("preferredDuringSchedulingIgnoredDuringExecution");
        for (int i = 0; i < (preferred?.Count ?? 0); i++)
        {
            var p = preferred![i];
            var item = preferredField.Item(i);
            if (p.Weight is < 1 or > 100)
                errors.At(item.Child("weight"), $"Invalid value: {p.Weight}: must be in the range 1-100");
            if (p.PodAffinityTerm is null)
            {
                errors.At(item.Child("podAffinityTerm"), "Required value");
                continue;
            }
            if (Term(p.PodAffinityTerm, item.Child("podAffinityTerm"), errors) is { } t && p.Weight is >= 1 and <= 100)
                preferredTerms.Add(new WeightedPodAffinityTerm(p.Weight, t));
        }
        return new PodAffinity(requiredTerms, preferredTerms);
    }

    private static PodAffinityTerm? Term(V1PodAffinityTerm term, SourceField field, ScenarioErrors errors)
    {
        int before = errors.Count;
        if (string.IsNullOrEmpty(term.TopologyKey)) errors.At(field.Child("topologyKey"), "Required value: can not be empty");
        var selector = LabelSelectorReader.Read(field.Child("labelSelector"), errors);
        var namespaceSelector = LabelSelectorReader.Read(field.Child("namespaceSelector"), errors);
        var namespaces = term.Namespaces is null ? [] : term.Namespaces.ToList();
        return errors.Count == before ? new PodAffinityTerm(selector, term.TopologyKey!, namespaces, namespaceSelector) : null;
    }
}
