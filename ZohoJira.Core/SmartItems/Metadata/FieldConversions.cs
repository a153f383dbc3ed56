namespace ZohoJira.Core.SmartItems.Metadata;

/// <summary>Which values can be written from one kind of field to another, and with what conversion.</summary>
public static class FieldConversions
{
    /// <summary><see cref="ValueConversion.None"/> when values go across as they are (list values through the value map,
    /// users by e-mail), the conversion to choose when text must be parsed, or null when the pair cannot be mapped.</summary>
    public static ValueConversion? Needed(FieldKind source, FieldKind target)
    {
        if (source == FieldKind.Other || target == FieldKind.Other)
        {
            return null;
        }

        if (source == target)
        {
            return ValueConversion.None;
        }

        return target switch
        {
            FieldKind.Text => ValueConversion.None,
            FieldKind.Option or FieldKind.MultiOption => source is FieldKind.Text or FieldKind.Option ? ValueConversion.None : null,
            FieldKind.Number => source is FieldKind.Text or FieldKind.Option ? ValueConversion.ParseNumber : null,
            FieldKind.Date or FieldKind.DateTime => source switch
            {
                FieldKind.Date or FieldKind.DateTime => ValueConversion.None,
                FieldKind.Text => ValueConversion.ParseDate,
                _ => null,
            },
            FieldKind.User => source == FieldKind.Text ? ValueConversion.None : null,
            _ => null,
        };
    }
}
