using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ChatSupport.Tools.Line;

/// <summary>
/// A strict checker of JSON values against the component schemas of an OpenAPI 3 file: <c>$ref</c>,
/// <c>allOf</c>, discriminator mappings, required and unknown properties, types, enums, lengths, item
/// counts, ranges, <c>multipleOf</c>, <c>uri</c> format and patterns. A property no schema in the chain
/// declares is an error (unless one says <c>additionalProperties: true</c>), so a misspelt field fails.
/// <see cref="Contract"/> is the project's own LINE contract (line-contract.yaml, embedded).
/// </summary>
public sealed class OpenApiSchemas
{
    /// <summary>The name of the embedded contract file.</summary>
    public const string ContractFile = "line-contract.yaml";

    private static readonly Lazy<OpenApiSchemas> LazyContract = new(() =>
    {
        using var stream = typeof(OpenApiSchemas).Assembly.GetManifestResourceStream(ContractFile)
            ?? throw new InvalidOperationException(ContractFile + " is not embedded in " + typeof(OpenApiSchemas).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        return Load(reader);
    });

    private readonly JsonObject _schemas;

    private OpenApiSchemas(JsonObject schemas) => _schemas = schemas;

    /// <summary>
    /// What ChatSupport sends to LINE's Messaging API and reads from its webhook
    /// (tools/ChatSupport.LineSimulator/line-contract.yaml, written by this project).
    /// </summary>
    public static OpenApiSchemas Contract => LazyContract.Value;

    public static OpenApiSchemas Load(string yamlPath)
    {
        using var reader = new StreamReader(yamlPath);
        return Load(reader);
    }

    public static OpenApiSchemas Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stream = new YamlStream();
        stream.Load(reader);
        var root = ToJson(stream.Documents[0].RootNode) as JsonObject ?? throw new InvalidDataException("Not an OpenAPI document.");
        var schemas = root["components"]?["schemas"] as JsonObject ?? throw new InvalidDataException("No components/schemas.");
        return new OpenApiSchemas(schemas);
    }

    public IEnumerable<string> Names => _schemas.Select(p => p.Key);

    public JsonObject Schema(string name) => _schemas[name] as JsonObject ?? throw new KeyNotFoundException("No schema " + name);

    /// <summary>Every schema's <c>example</c> (a block of JSON text), parsed, with the schema's name.</summary>
    public IEnumerable<(string Schema, JsonNode? Example)> Examples =>
        _schemas.Where(p => Str(p.Value?["example"]) is not null).Select(p => (p.Key, JsonNode.Parse(Str(p.Value!["example"])!)));

    /// <summary>Every way <paramref name="value"/> breaks schema <paramref name="schemaName"/>; empty when it conforms.</summary>
    public IReadOnlyList<string> Validate(JsonNode? value, string schemaName)
    {
        var errors = new List<string>();
        Check(value, new JsonObject { ["$ref"] = "#/components/schemas/" + schemaName }, "$", true, errors);
        return errors;
    }

    private JsonObject Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException("Only local schema references are supported: " + reference);
        }

        return Schema(reference[prefix.Length..]);
    }

    private void Check(JsonNode? value, JsonObject schema, string path, bool dispatch, List<string> errors)
    {
        if (Str(schema["$ref"]) is { } reference)
        {
            var target = Resolve(reference);
            if (dispatch && target["discriminator"] is JsonObject discriminator)
            {
                var property = Str(discriminator["propertyName"])!;
                var tag = value is JsonObject o ? Str(o[property]) : null;
                if (tag is null)
                {
                    errors.Add($"{path}: '{property}' is required");
                    return;
                }

                if (discriminator["mapping"]?[tag] is JsonValue mapped && Str(mapped) is { } mappedRef)
                {
                    Check(value, Resolve(mappedRef), path, false, errors);
                }
                else
                {
                    errors.Add($"{path}.{property}: '{tag}' is not one of the mapped types");
                }

                return;
            }

            Check(value, target, path, false, errors);
            return;
        }

        var properties = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var isObject = false;
        var open = false;
        Collect(schema, properties, required, ref isObject, ref open);
        CheckScalar(value, schema, path, errors);
        if (value is null)
        {
            return;
        }

        if (isObject || properties.Count > 0)
        {
            if (value is not JsonObject obj)
            {
                errors.Add($"{path}: expected an object");
                return;
            }

            foreach (var name in required.Where(r => obj[r] is null))
            {
                errors.Add($"{path}.{name}: required");
            }

            foreach (var (name, child) in obj)
            {
                if (properties.TryGetValue(name, out var childSchema))
                {
                    Check(child, childSchema, $"{path}.{name}", true, errors);
                }
                else if (!open)
                {
                    errors.Add($"{path}.{name}: not a property of this schema");
                }
            }
        }
    }

    private void Collect(JsonObject schema, Dictionary<string, JsonObject> properties, HashSet<string> required, ref bool isObject, ref bool open)
    {
        if (Str(schema["$ref"]) is { } reference)
        {
            Collect(Resolve(reference), properties, required, ref isObject, ref open);
            return;
        }

        isObject |= Str(schema["type"]) == "object";
        open |= schema["additionalProperties"] is { } additional && Str(additional) != "false";
        if (schema["properties"] is JsonObject props)
        {
            foreach (var (name, child) in props)
            {
                if (child is JsonObject childSchema)
                {
                    properties[name] = childSchema;
                }
            }
        }

        if (schema["required"] is JsonArray req)
        {
            foreach (var name in req)
            {
                required.Add(Str(name)!);
            }
        }

        if (schema["allOf"] is JsonArray parts)
        {
            foreach (var part in parts.OfType<JsonObject>())
            {
                Collect(part, properties, required, ref isObject, ref open);
            }
        }
    }

    private void CheckScalar(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        if (value is null)
        {
            return;
        }

        var type = Str(schema["type"]);
        switch (type)
        {
            case "string":
                if (value.GetValueKind() != JsonValueKind.String || !(value is JsonValue sv && sv.TryGetValue<string>(out var s)))
                {
                    errors.Add($"{path}: expected a string");
                    return;
                }

                if (Int(schema["maxLength"]) is { } maxLength && s.Length > maxLength)
                {
                    errors.Add($"{path}: longer than {maxLength}");
                }

                if (Int(schema["minLength"]) is { } minLength && s.Length < minLength)
                {
                    errors.Add($"{path}: shorter than {minLength}");
                }

                if (Str(schema["format"]) == "uri" && !Uri.TryCreate(s, UriKind.Absolute, out _))
                {
                    errors.Add($"{path}: not an absolute URI");
                }

                if (Str(schema["pattern"]) is { } pattern && !Regex.IsMatch(s, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    errors.Add($"{path}: does not match {pattern}");
                }

                if (schema["enum"] is JsonArray values && !values.Any(v => Str(v) == s))
                {
                    errors.Add($"{path}: '{s}' is not one of the allowed values");
                }

                break;
            case "integer" or "number":
                if (value.GetValueKind() != JsonValueKind.Number
                    || !double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    || (type == "integer" && n != Math.Floor(n)))
                {
                    errors.Add($"{path}: expected {type}");
                    return;
                }

                if (Int(schema["maximum"]) is { } max && n > max)
                {
                    errors.Add($"{path}: above {max}");
                }

                if (Int(schema["minimum"]) is { } min && n < min)
                {
                    errors.Add($"{path}: below {min}");
                }

                if (Int(schema["multipleOf"]) is { } step && step > 0 && n % step != 0)
                {
                    errors.Add($"{path}: not a multiple of {step}");
                }

                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected a boolean");
                }

                break;
            case "array":
                if (value is not JsonArray array)
                {
                    errors.Add($"{path}: expected an array");
                    return;
                }

                if (Int(schema["maxItems"]) is { } maxItems && array.Count > maxItems)
                {
                    errors.Add($"{path}: more than {maxItems} items");
                }

                if (Int(schema["minItems"]) is { } minItems && array.Count < minItems)
                {
                    errors.Add($"{path}: fewer than {minItems} items");
                }

                if (schema["items"] is JsonObject items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Check(array[i], items, $"{path}[{i}]", true, errors);
                    }
                }

                break;
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Int(JsonNode? node) =>
        Str(node) is { } s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>YAML to JSON with every scalar as a string (the schema keywords read them as numbers where needed).</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value),
        _ => null,
    };
}
