using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.Tests.Expressions;

/// <summary>The names a script refers to statically, as publishing checks them: only what is certain.</summary>
public sealed class JavaScriptReferencesTests
{
    [Fact]
    public void Should_list_accessor_calls_variables_properties_and_literal_names_When_a_script_uses_them()
    {
        var references = JavaScriptReferences.Find("""
            setTotal(getCount() + variables.Bonus);
            setVariable("Total", getInput('Amount') + getVariable("Count"));
            """);

        // Built-ins look like accessors too; publishing tells them apart.
        Assert.Equal(["getCount", "getInput", "getVariable", "setTotal", "setVariable"], references.AccessorCalls);
        Assert.Equal(["Bonus"], references.VariableProperties);
        Assert.Equal(["Amount"], references.InputNames);
        Assert.Equal(["Count"], references.ReadVariableNames);
        Assert.Equal(["Total"], references.WrittenVariableNames);
    }

    [Fact]
    public void Should_ignore_names_in_comments_strings_template_text_and_regular_expressions_When_they_only_look_like_calls()
    {
        var references = JavaScriptReferences.Find("""
            // getA()
            /* getB() */
            var s = "getC()" + 'getD()' + `getE() ${getF()} getG()`;
            var r = /getH\(/;
            """);

        Assert.Equal(["getF"], references.AccessorCalls);
    }

    [Fact]
    public void Should_ignore_a_name_When_the_script_declares_it_or_calls_it_as_a_method()
    {
        var references = JavaScriptReferences.Find("""
            function getLimit() { return 3; }
            var setup = function (getX) { return getX(); };
            var getY = function () { return 1; };
            return new Date().getTime() + getLimit() + getY() + obj.getZ();
            """);

        Assert.Empty(references.AccessorCalls);
    }

    [Fact]
    public void Should_list_no_variables_properties_When_the_script_declares_its_own_variables()
    {
        var references = JavaScriptReferences.Find("var variables = { A: 1 }; return variables.A;");

        Assert.Empty(references.VariableProperties);
    }
}
