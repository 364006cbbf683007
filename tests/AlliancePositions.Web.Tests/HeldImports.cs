using Microsoft.JSInterop;

namespace AlliancePositions.Web.Tests;

/// <summary>
/// A slow browser connection for component tests: passes every call to bUnit's runtime, and while held keeps JavaScript
/// module imports waiting until released, as a real circuit's round trip would (bUnit's own answer at once).
/// </summary>
public sealed class HeldImports(IJSRuntime inner) : IJSRuntime
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool held;

    public void Hold() => held = true;

    public void Release() => released.TrySetResult();

    public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
    {
        if (held && identifier == "import") await released.Task;
        return await inner.InvokeAsync<TValue>(identifier, args);
    }

    public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        if (held && identifier == "import") await released.Task.WaitAsync(cancellationToken);
        return await inner.InvokeAsync<TValue>(identifier, cancellationToken, args);
    }
}
