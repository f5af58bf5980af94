<!-- include start from inbound-interface.xml.i -->
<leafNode name="inbound-interface">
  <properties>
    <help>Inbound interface of NAT traffic</help>
    <completionHelp>
      <list>any</list>
      <script>${vyos_completion_dir}/list_interfaces</script>
    </completionHelp>
  </properties>
</leafNode>
<!-- include end -->
