using System.Net;
using AlliancePositions.Core.Ingest;

namespace AlliancePositions.Core.Tests.Ingest;

public class AddressRulesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fd00::1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("0.0.0.0", "this network")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("::ffff:10.0.0.1", "private")]
    public void Addresses_of_this_machine_its_networks_link_local_and_multicast_are_refused_saying_which(string address, string why) =>
        Assert.Contains(why, AddressRules.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2001:db8::1")]
    public void Public_addresses_are_fetched(string address) => Assert.Null(AddressRules.Refusal(IPAddress.Parse(address)));

    [Fact]
    public void Configuration_allows_a_named_host_and_port_only()
    {
        string[] allowed = ["127.0.0.1:5080"];

        Assert.True(AddressRules.IsAllowedHost(allowed, "127.0.0.1", 5080));
        Assert.False(AddressRules.IsAllowedHost(allowed, "127.0.0.1", 5081));
        Assert.False(AddressRules.IsAllowedHost(allowed, "localhost", 5080));
    }
}
