<!-- include start from firewall/fqdn.xml.i -->
<leafNode name="fqdn">
  <properties>
    <help>Fully qualified domain name</help>
    <valueHelp>
      <format>&lt;fqdn&gt;</format>
      <description>Fully qualified domain name</description>
    </valueHelp>
    <constraint>
      <validator name="fqdn"/>
    </constraint>
  </properties>
</leafNode>
<!-- include end -->
