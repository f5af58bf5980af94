<!-- include start from bgp/afi-soft-reconfiguration.xml.i -->
<node name="soft-reconfiguration">
  <properties>
    <help>Soft reconfiguration for peer</help>
  </properties>
  <children>
    <leafNode name="inbound">
      <properties>
        <help>Enable inbound soft reconfiguration</help>
        <valueless/>
      </properties>
    </leafNode>
  </children>
</node>
<!-- include end -->
