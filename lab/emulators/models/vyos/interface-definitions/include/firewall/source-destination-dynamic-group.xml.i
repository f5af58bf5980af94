<!-- include start from firewall/source-destination-dynamic-group.xml.i -->
<node name="group">
  <properties>
    <help>Group</help>
  </properties>
  <children>
    <leafNode name="dynamic-address-group">
      <properties>
        <help>Group of dynamic addresses</help>
        <completionHelp>
          <path>firewall group dynamic-group address-group</path>
        </completionHelp>
      </properties>
    </leafNode>
  </children>
</node>
<!-- include end -->
