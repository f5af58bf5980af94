<!-- include start from firewall/address-mask-ipv6.xml.i -->
<leafNode name="address-mask">
  <properties>
    <help>IP mask</help>
    <valueHelp>
      <format>ipv6</format>
      <description>IP mask to apply</description>
    </valueHelp>
    <constraint>
      <validator name="ipv6"/>
    </constraint>
  </properties>
</leafNode>
<!-- include end -->
